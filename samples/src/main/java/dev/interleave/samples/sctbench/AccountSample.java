package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * SCTBench's {@code account}: a deposit and a withdrawal each update the balance under one lock and mark themselves
 * done; an auditor, started first, checks the balance once both are done. The auditor's formula subtracts the
 * deposit instead of adding it, a mistake that stays hidden in every schedule where the auditor looks too early:
 * it shows only when the auditor runs after both updates, which is not the order the threads are started in.
 */
public class AccountSample {

    private static final int OPENING = 1;
    private static final int DEPOSIT = 2;
    private static final int WITHDRAWAL = 4;

    private final ReentrantLock lock = new ReentrantLock();
    private int balance = OPENING;
    private boolean deposited;
    private boolean withdrawn;

    private void deposit() {
        lock.lock();
        try {
            balance += DEPOSIT;
            deposited = true;
        } finally {
            lock.unlock();
        }
    }

    private void withdraw() {
        lock.lock();
        try {
            balance -= WITHDRAWAL;
            withdrawn = true;
        } finally {
            lock.unlock();
        }
    }

    private void audit(int expected) {
        lock.lock();
        try {
            if (deposited && withdrawn) {
                assertEquals(expected, balance, "the balance after both transactions");
            }
        } finally {
            lock.unlock();
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void auditorSubtractsTheDeposit() throws InterruptedException {
        Threads.runAll(() -> audit(OPENING - DEPOSIT - WITHDRAWAL), this::deposit, this::withdraw);
    }

    @ConcurrencyTest
    void auditorAddsTheDeposit() throws InterruptedException {
        Threads.runAll(() -> audit(OPENING + DEPOSIT - WITHDRAWAL), this::deposit, this::withdraw);
    }
}
