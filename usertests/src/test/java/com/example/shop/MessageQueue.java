package com.example.shop;

/**
 * A one-message queue between clerks, guarded by a lock object: {@code synchronized} blocks, {@code wait()} in a
 * loop, and {@code notifyAll()}, or, when built with {@code wakeAll = false}, {@code notify()}.
 */
public class MessageQueue {

    private final Object lock = new Object();
    private final boolean wakeAll;
    private String message;
    private int delivered;

    public MessageQueue(boolean wakeAll) {
        this.wakeAll = wakeAll;
    }

    public void send(String text) throws InterruptedException {
        synchronized (lock) {
            while (message != null) {
                lock.wait();
            }
            message = text;
            wake();
        }
    }

    public String receive() throws InterruptedException {
        synchronized (lock) {
            while (message == null) {
                lock.wait();
            }
            String text = message;
            message = null;
            delivered++;
            wake();
            return text;
        }
    }

    public int delivered() {
        synchronized (lock) {
            return delivered;
        }
    }

    private void wake() {
        if (wakeAll) {
            lock.notifyAll();
        } else {
            lock.notify();
        }
    }
}
