package dev.interleave.strategy;

import java.util.function.IntFunction;

import dev.interleave.Strategy;

/** The explorer of each {@link Strategy}. */
public final class Explorers {

    /** How many steps PCT expects of a schedule before any has run: its change points spread over these. */
    static final long FIRST_EXPECTED_STEPS = 1_000;

    private Explorers() {
    }

    /**
     * The explorer of {@code strategy}, seeded with {@code seed}.
     *
     * @param pctDepth       the depth of the bugs PCT targets
     * @param maxPreemptions for EXHAUSTIVE: the most preemptions a schedule may have, or -1 for any number
     * @param reduction      for EXHAUSTIVE: false for a plain enumeration of every schedule, with no reduction
     */
    public static Explorer of(Strategy strategy, long seed, int pctDepth, int maxPreemptions, boolean reduction) {
        switch (strategy) {
            case RANDOM:
                return independent(number -> new RandomStrategy(Seeds.forSchedule(seed, number)));
            case POS:
                return independent(number -> new PosStrategy(Seeds.forSchedule(seed, number)));
            case PCT:
                return new PctExplorer(seed, pctDepth);
            case SURW:
                return new SurwExplorer(seed);
            case PORTFOLIO:
                return new PortfolioExplorer(seed);
            case EXHAUSTIVE:
                return new ExhaustiveExplorer(maxPreemptions, reduction);
            default:
                throw new IllegalArgumentException("no explorer for " + strategy);
        }
    }

    /** Schedules that each follow from the seed and their number alone. */
    private static Explorer independent(IntFunction<SchedulingStrategy> strategies) {
        return new Explorer() {
            @Override
            public SchedulingStrategy next(int number) {
                return strategies.apply(number);
            }

            @Override
            public void finished(long steps) {
                // each schedule stands on its own
            }
        };
    }

    /** PCT's schedules, each expecting as many steps as the longest schedule so far took. */
    private static final class PctExplorer implements Explorer {

        private final long seed;
        private final int depth;
        private final PctSteps steps = new PctSteps(false);

        PctExplorer(long seed, int depth) {
            this.seed = seed;
            this.depth = depth;
        }

        @Override
        public SchedulingStrategy next(int number) {
            return new PctStrategy(Seeds.forSchedule(seed, number), depth, steps.expected());
        }

        @Override
        public void finished(long steps) {
            this.steps.finished(steps);
        }

        @Override
        public String bounds() {
            return "depth " + depth;
        }
    }

    /** SURW's schedules, each weighing threads by what the schedules before it showed. */
    private static final class SurwExplorer implements Explorer {

        private final long seed;
        private final EventCensus census = new EventCensus();

        SurwExplorer(long seed) {
            this.seed = seed;
        }

        @Override
        public SchedulingStrategy next(int number) {
            census.scheduleStarts();
            return new SurwStrategy(Seeds.forSchedule(seed, number), census, census);
        }

        @Override
        public void finished(long steps) {
            census.scheduleEnded();
        }
    }
}
