package dev.interleave.strategy;

/** A strategy whose steps another listener hears too, besides the strategy's own listener. */
final class Listened implements SchedulingStrategy {

    private final SchedulingStrategy strategy;
    private final StepListener listener;

    private Listened(SchedulingStrategy strategy, StepListener listener) {
        this.strategy = strategy;
        this.listener = listener;
    }

    /** {@code strategy}, with {@code also} hearing every step after the strategy's own listener. */
    static SchedulingStrategy by(SchedulingStrategy strategy, StepListener also) {
        StepListener own = strategy.listener();
        StepListener both = own == null ? also : (thread, target, location, kind, global, site) -> {
            own.step(thread, target, location, kind, global, site);
            also.step(thread, target, location, kind, global, site);
        };
        return new Listened(strategy, both);
    }

    @Override
    public int pickThread(Decision decision) {
        return strategy.pickThread(decision);
    }

    @Override
    public int pickWaiter(int count) {
        return strategy.pickWaiter(count);
    }

    @Override
    public StepListener listener() {
        return listener;
    }
}
