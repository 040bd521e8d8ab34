package dev.interleave.samples.benchmark;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * Every {@code @ConcurrencyTest} method of the classes directly in {@code dev.interleave.samples}, buggy and fixed,
 * as sample names ({@code CounterSample#lostUpdate}), in the order of class and method name. Read from the class
 * path entry the samples come from, a folder or a jar, so a new sample is measured without being listed anywhere.
 */
final class AllSamples {

    private static final String FOLDER = SampleMethod.PACKAGE.replace('.', '/') + "/";

    private AllSamples() {
    }

    static List<String> names() throws IOException {
        return names("");
    }

    /**
     * The samples of {@code subpackage} of {@code dev.interleave.samples} ({@code "sctbench"}), named relative to it
     * ({@code sctbench.ReorderSample#reorder3}); the empty subpackage is the package itself.
     */
    static List<String> names(String subpackage) throws IOException {
        String prefix = subpackage.isEmpty() ? "" : subpackage + ".";
        List<String> names = new ArrayList<>();
        for (String simpleName : classNames(subpackage.isEmpty() ? FOLDER : FOLDER + subpackage + "/")) {
            names.addAll(inClass(prefix + simpleName));
        }
        return names;
    }

    /**
     * The {@code @ConcurrencyTest} methods of one class below the package ({@code ReaderWriterSample}), sorted.
     *
     * @throws IllegalArgumentException when there is no such class
     */
    static List<String> inClass(String className) {
        Class<?> type;
        try {
            // Not initialized: looking at a class's methods runs none of its code.
            type = Class.forName(SampleMethod.PACKAGE + "." + className, false, AllSamples.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + SampleMethod.PACKAGE + "." + className
                    + " on the class path", e);
        }
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(ConcurrencyTest.class))
                .map(Method::getName).sorted()
                .map(method -> className + "#" + method)
                .collect(Collectors.toList());
    }

    /** The top-level classes of the package in {@code folder}, by simple name, sorted. */
    private static List<String> classNames(String folder) throws IOException {
        Path root;
        try {
            root = Path.of(BugSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where the samples are loaded from", e);
        }
        Stream<String> entries;
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                entries = files.map(file -> folder + file.getFileName()).collect(Collectors.toList()).stream();
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                entries = jar.stream().map(JarEntry::getName).collect(Collectors.toList()).stream();
            }
        }
        // Directly in the package (no further '/'), top level (no '$': nested classes belong to their sample).
        return entries.filter(entry -> entry.startsWith(folder) && entry.endsWith(".class"))
                .map(entry -> entry.substring(folder.length(), entry.length() - ".class".length()))
                .filter(name -> name.indexOf('/') < 0 && name.indexOf('$') < 0)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.toList());
    }
}
