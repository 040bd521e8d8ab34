package dev.interleave.strategy;

import java.util.List;

import dev.interleave.Strategy;

/**
 * The default exploration: the schedules of one test rotate over several strategies, so that no single strategy's
 * blind spot decides whether a bug is found. Each strategy finds bugs the others find late or never: POS the
 * shallow races quickest, PCT the bugs that need one thread held back across many steps of others, SURW a short
 * thread in the middle of many long ones, the random walk a switch in the middle of a short thread.
 *
 * <p>Schedule {@code n} runs under the rotation's member {@code (n - 1) mod 10}, with the seed that schedule
 * {@code n} of that strategy alone would get; SURW learns from every schedule, whatever ran it, and PCT expects as
 * many steps as the longest schedule so far, the first left out of both (see {@link EventCensus}). So one seed
 * explores the same schedules in the same order on every run, like any other strategy's.
 */
final class PortfolioExplorer implements Explorer {

    /** One place in the rotation: a strategy, and for PCT the depth it targets. */
    private static final class Member {
        final Strategy strategy;
        final int pctDepth;

        Member(Strategy strategy, int pctDepth) {
            this.strategy = strategy;
            this.pctDepth = pctDepth;
        }

        @Override
        public String toString() {
            return strategy == Strategy.PCT ? "PCT, depth " + pctDepth : strategy.name();
        }
    }

    /**
     * SURW has most of the schedules: the bugs it alone finds within a budget (a short thread first among a hundred)
     * take it some hundreds of schedules, while POS finds most others in its first few.
     */
    private static final List<Member> ROTATION = List.of(
            new Member(Strategy.POS, 0),
            new Member(Strategy.SURW, 0),
            new Member(Strategy.PCT, 3),
            new Member(Strategy.SURW, 0),
            new Member(Strategy.SURW, 0),
            new Member(Strategy.POS, 0),
            new Member(Strategy.SURW, 0),
            new Member(Strategy.RANDOM, 0),
            new Member(Strategy.SURW, 0),
            new Member(Strategy.SURW, 0));

    private final long seed;
    private final EventCensus census = new EventCensus();
    private final PctSteps pctSteps = new PctSteps(true);

    PortfolioExplorer(long seed) {
        this.seed = seed;
    }

    @Override
    public SchedulingStrategy next(int number) {
        census.scheduleStarts();
        Member member = member(number);
        long scheduleSeed = Seeds.forSchedule(seed, number);
        switch (member.strategy) {
            case SURW:
                return new SurwStrategy(scheduleSeed, census, census);
            case POS:
                return Listened.by(new PosStrategy(scheduleSeed), census);
            case PCT:
                return Listened.by(new PctStrategy(scheduleSeed, member.pctDepth, pctSteps.expected()), census);
            case RANDOM:
                return Listened.by(new RandomStrategy(scheduleSeed), census);
            default:
                throw new IllegalStateException("no " + member.strategy + " in the portfolio");
        }
    }

    @Override
    public void finished(long steps) {
        census.scheduleEnded();
        pctSteps.finished(steps);
    }

    @Override
    public String strategyOf(int number) {
        return member(number).toString();
    }

    private static Member member(int number) {
        return ROTATION.get(Math.floorMod(number - 1, ROTATION.size()));
    }
}
