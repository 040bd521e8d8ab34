package dev.interleave.strategy;

/**
 * The steps one thread took in a row in one schedule of an exhaustive exploration: from a decision that chose it
 * (or from a switch to it that no decision made, when it was the only thread left to run) until the next one.
 */
final class Transition {

    final int thread;
    /** The index of the decision it starts at on the exploration's path, or -1 when none chose it. */
    final int decision;
    final Effect effect = new Effect();

    Transition(int thread, int decision) {
        this.thread = thread;
        this.decision = decision;
    }
}
