package dev.interleave.engine;

import java.util.SplittableRandom;

import dev.interleave.fixtures.generated.Instruction;

/**
 * Random small programs for {@link dev.interleave.fixtures.generated.GeneratedPrograms}: two or three threads of a
 * few instructions over two of the shared variables (a plain field, a superclass field reached from either class, a
 * static reached from either class, array elements), with monitors, wait and notify, yields, a
 * {@code ReentrantLock}, and checks that throw. Small enough that every schedule of most of them can be run.
 */
final class ProgramGenerator {

    /** The variables of {@code Cells} by kind: each kind lists the numbers it is reached by. */
    private static final int[][] VARIABLES = {{0}, {1, 2}, {3, 4}, {5}, {6}};

    private final SplittableRandom random;
    private int[][] variables;

    ProgramGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * The next program: the first instruction of each thread. Some have a waiter and a notifier: one thread waits on
     * a monitor until a variable is set, another sets it and notifies, each under the monitor.
     */
    Instruction[] next() {
        int first = random.nextInt(VARIABLES.length);
        int second = (first + 1 + random.nextInt(VARIABLES.length - 1)) % VARIABLES.length;
        variables = new int[][] {VARIABLES[first], VARIABLES[second]};
        int threads = random.nextInt(10) == 0 ? 3 : 2;
        Instruction[] program = new Instruction[threads];
        for (int t = 0; t < threads; t++) {
            program[t] = sequence(threads == 2 ? 1 + random.nextInt(3) : 1, -1, 0);
        }
        if (random.nextInt(10) < 3) {
            int monitor = random.nextInt(2);
            int flag = variable();
            int waiter = random.nextInt(threads);
            int notifier = (waiter + 1 + random.nextInt(threads - 1)) % threads;
            program[waiter] = new Instruction(Instruction.SYNC, monitor, 0,
                    new Instruction(Instruction.AWAIT, monitor, flag, null, null), program[waiter]);
            int notify = random.nextBoolean() ? Instruction.NOTIFY : Instruction.NOTIFY_ALL;
            program[notifier] = new Instruction(Instruction.SYNC, monitor, 0, new Instruction(Instruction.STORE, flag,
                    1, null, new Instruction(notify, monitor, 0, null, null)), program[notifier]);
        }
        return program;
    }

    /** {@code length} instructions; inside {@code SYNC held} when {@code held} is not -1; {@code depth} blocks deep. */
    private Instruction sequence(int length, int held, int depth) {
        Instruction next = null;
        for (int i = 0; i < length; i++) {
            next = instruction(held, depth, next);
        }
        return next;
    }

    private Instruction instruction(int held, int depth, Instruction next) {
        int pick = random.nextInt(100);
        if (pick < 22) {
            return new Instruction(Instruction.LOAD, variable(), 0, null, next);
        }
        if (pick < 40) {
            return new Instruction(Instruction.STORE, variable(), 1 + random.nextInt(2), null, next);
        }
        if (pick < 58) {
            return new Instruction(Instruction.INCREMENT, variable(), 0, null, next);
        }
        if (pick < 72 && depth < 2) {
            // inside one monitor, mostly the other: two of them in opposite orders can deadlock
            int monitor = held >= 0 ? 1 - held : random.nextInt(2);
            int length = random.nextInt(4) == 0 ? 2 : 1;
            return new Instruction(Instruction.SYNC, monitor, 0, sequence(length, monitor, depth + 1), next);
        }
        if (pick < 77 && depth < 2) {
            return new Instruction(Instruction.LOCKED, 0, 0, sequence(1, -1, depth + 1), next);
        }
        if (pick < 86 && held >= 0) {
            int kind = random.nextInt(3);
            int op = kind == 0 ? Instruction.AWAIT : kind == 1 ? Instruction.NOTIFY : Instruction.NOTIFY_ALL;
            return new Instruction(op, held, variable(), null, next);
        }
        if (pick < 92) {
            return new Instruction(Instruction.YIELD, 0, 0, null, next);
        }
        return new Instruction(Instruction.THROW_IF, variable(), random.nextInt(3), null, next);
    }

    /** One of the program's two variables, by one of the numbers it is reached by. */
    private int variable() {
        int[] names = variables[random.nextInt(variables.length)];
        return names[random.nextInt(names.length)];
    }
}
