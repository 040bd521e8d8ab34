package dev.interleave.instrumentation;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * The application classes a class's static initializer touches, read from its class file: the classes whose static
 * fields, static methods or constructors its {@code <clinit>} uses, and the static methods and constructors of its
 * own class that it calls use, in the order they first appear, after its superclass, which the JVM initializes
 * first. Each is a class the JVM initializes, if it is not yet, while it holds this class's initialization lock.
 *
 * <p>Read from the class file rather than seen as the initializer runs: the initializer runs once per JVM, but every
 * schedule must see the same touches, in a fresh JVM as in the hundredth schedule of an exploration.
 */
public final class InitializerTouches {

    /** One class an initializer touches, on {@code line} of {@code fileName} (0 and null when unknown). */
    public static final class Touch {
        private final Class<?> type;
        private final String fileName;
        private final int line;

        Touch(Class<?> type, String fileName, int line) {
            this.type = type;
            this.fileName = fileName;
            this.line = line;
        }

        public Class<?> type() {
            return type;
        }

        public String fileName() {
            return fileName;
        }

        public int line() {
            return line;
        }
    }

    private InitializerTouches() {
    }

    /**
     * The application classes {@code type}'s initializer touches, each once, in order; empty for a class without a
     * static initializer. Throws {@link IOException} when the class file cannot be read.
     */
    public static List<Touch> of(Class<?> type) throws IOException {
        byte[] bytes = ClassFileLocator.ForClassLoader.read(type);
        Reader reader = new Reader();
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_FRAMES);
        String self = type.getName().replace('.', '/');
        Map<String, Integer> owners = new LinkedHashMap<>();
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && isApplicationClass(superclass)) {
            owners.put(superclass.getName().replace('.', '/'), 0);
        }
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> methods = new ArrayDeque<>();
        methods.add("<clinit>()V");
        // depth first, in the order of the calls, so that the touches come in the order the initializer makes them
        while (!methods.isEmpty()) {
            String method = methods.pop();
            if (!visited.add(method)) {
                continue;
            }
            List<String> calls = new ArrayList<>();
            for (Instruction instruction : reader.code.getOrDefault(method, List.of())) {
                if (instruction.owner.equals(self)) {
                    if (instruction.method != null) {
                        calls.add(instruction.method);
                    }
                } else if (!instruction.owner.startsWith("[")) {
                    owners.putIfAbsent(instruction.owner, instruction.line);
                }
            }
            for (int i = calls.size() - 1; i >= 0; i--) {
                methods.push(calls.get(i));
            }
        }
        List<Touch> touches = new ArrayList<>();
        for (Map.Entry<String, Integer> owner : owners.entrySet()) {
            String name = owner.getKey().replace('/', '.');
            if (!InstrumentationScope.isApplicationType(name)) {
                continue;
            }
            Class<?> touched;
            try {
                touched = Class.forName(name, false, type.getClassLoader());
            } catch (ClassNotFoundException | LinkageError missing) {
                continue; // the initializer fails there in the JVM, with the JVM's own error
            }
            if (touched != type && isApplicationClass(touched)) {
                touches.add(new Touch(touched, reader.sourceFile, owner.getValue()));
            }
        }
        return touches;
    }

    private static boolean isApplicationClass(Class<?> type) {
        return type.getClassLoader() != null && InstrumentationScope.isInstrumented(type);
    }

    /** An instruction that may initialize {@code owner}; {@code method} names a call (name and descriptor). */
    private static final class Instruction {
        final String owner;
        final String method;
        final int line;

        Instruction(String owner, String method, int line) {
            this.owner = owner;
            this.method = method;
            this.line = line;
        }
    }

    /** The instructions of every method that may initialize a class, by method (name and descriptor). */
    private static final class Reader extends ClassVisitor {
        final Map<String, List<Instruction>> code = new HashMap<>();
        String sourceFile;

        Reader() {
            super(OpenedClassReader.ASM_API);
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            List<Instruction> instructions = new ArrayList<>();
            code.put(name + descriptor, instructions);
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                        instructions.add(new Instruction(owner, null, line));
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW) {
                        instructions.add(new Instruction(type, null, line));
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                        boolean isInterface) {
                    boolean initializes = opcode == Opcodes.INVOKESTATIC
                            || opcode == Opcodes.INVOKESPECIAL && method.equals("<init>");
                    if (initializes) {
                        instructions.add(new Instruction(owner, method + methodDescriptor, line));
                    }
                }
            };
        }
    }
}
