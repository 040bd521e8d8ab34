package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.ConcurrencyTest;

class MessageQueueTest {

    interface Step {
        void run() throws InterruptedException;
    }

    private static Thread twice(Step step) {
        return new Thread(() -> {
            try {
                step.run();
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void twoSendersTwoReceivers(MessageQueue queue) throws InterruptedException {
        List<Thread> clerks = new ArrayList<>();
        clerks.add(twice(() -> queue.send("order")));
        clerks.add(twice(() -> queue.send("refund")));
        clerks.add(twice(queue::receive));
        clerks.add(twice(queue::receive));
        for (Thread clerk : clerks) {
            clerk.start();
        }
        for (Thread clerk : clerks) {
            clerk.join();
        }
        assertEquals(4, queue.delivered());
    }

    @ConcurrencyTest(seed = "606", schedules = 100)
    void everyMessageIsDelivered() throws InterruptedException {
        twoSendersTwoReceivers(new MessageQueue(true));
    }

    @ConcurrencyTest(seed = "606", schedules = 100)
    void notifyStrandsAClerk() throws InterruptedException {
        twoSendersTwoReceivers(new MessageQueue(false));
    }
}
