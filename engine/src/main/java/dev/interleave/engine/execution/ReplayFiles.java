package dev.interleave.engine.execution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.interleave.schedulefile.ScheduleDirectory;
import dev.interleave.schedulefile.ScheduleRecord;
import org.junit.platform.commons.JUnitException;

/** Turns {@code replay = "path"} into the schedule files to replay: the file itself, or a folder's files of a test. */
public final class ReplayFiles {

    private ReplayFiles() {
    }

    public static List<Path> resolve(String replay, ScheduleRecord.TestIdentity test) {
        Path path = Settings.path(Settings.REPLAY, replay);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.exists(path)) {
            throw new JUnitException(path + ": no such file or folder to replay (" + Settings.REPLAY + "=" + replay
                    + "); give the path of a schedule file that a failure printed, or of a folder of them");
        }
        if (!Files.isDirectory(path)) {
            throw new JUnitException(path + ": neither a file nor a folder; give the path of a schedule file");
        }
        List<Path> files = ScheduleDirectory.filesFor(path, test);
        if (files.isEmpty()) {
            throw new JUnitException(path + ": a folder without schedule files for " + test + " (looked for "
                    + test.methodName() + "-*" + ScheduleDirectory.EXTENSION + " in it and in its " + test.className()
                    + " folder); give a folder a failure of this test was saved to");
        }
        return files;
    }
}
