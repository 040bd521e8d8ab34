package dev.interleave.maven;

import java.nio.file.Path;

/**
 * The {@code -javaagent} argument for a JVM's command line, and how it joins the arguments already there. Surefire
 * and Failsafe split their {@code argLine} on spaces outside quotes, so a path with a space is quoted.
 */
final class AgentArgument {

    private final String argument;

    private AgentArgument(String argument) {
        this.argument = argument;
    }

    /** The argument that starts a JVM with the agent jar at {@code agentJar}. */
    static AgentArgument of(Path agentJar) {
        String path = agentJar.toAbsolutePath().toString();
        String argument = "-javaagent:" + path;
        if (path.indexOf(' ') < 0 && path.indexOf('\t') < 0 && path.indexOf('"') < 0 && path.indexOf('\'') < 0) {
            return new AgentArgument(argument);
        }
        if (path.indexOf('"') < 0) {
            return new AgentArgument('"' + argument + '"');
        }
        if (path.indexOf('\'') < 0) {
            return new AgentArgument('\'' + argument + '\'');
        }
        throw new IllegalArgumentException("the path of Interleave's agent jar, " + path + ", holds both kinds of"
                + " quotes, which no argLine can carry: move the local Maven repository (-Dmaven.repo.local=...)"
                + " to a path without quotes");
    }

    /**
     * {@code existing} with this argument appended, so that agents already there (JaCoCo's, Mockito's) stay and run
     * first; {@code existing} as it is if it has this argument already (the goal ran twice).
     */
    String appendedTo(String existing) {
        if (existing == null || existing.isBlank()) {
            return argument;
        }
        if ((" " + existing + " ").contains(" " + argument + " ")) {
            return existing;
        }
        return existing.stripTrailing() + " " + argument;
    }

    @Override
    public String toString() {
        return argument;
    }
}
