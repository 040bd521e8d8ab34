package dev.interleave.samples.sctbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import dev.interleave.ConcurrencyFailure;
import dev.interleave.ConcurrencyTest;
import dev.interleave.samples.BugSample;

/**
 * The JDK 1.4 {@code StringBuffer.append(StringBuffer)} atomicity bug, a staple of concurrency-testing benchmarks,
 * on a small buffer class of our own rather than {@code java.lang.StringBuffer}. Every
 * method of the buffer is synchronized, yet appending another buffer asks for the other's length in one call and
 * copies its characters in a second: if another thread shortens the other buffer in between, the copy asks for
 * characters that are gone and throws. The fix copies the other buffer in one call on it.
 */
public class StringBufferSample {

    /** A synchronized character buffer in the style of the JDK 1.4 one. */
    static final class TextBuffer {
        private char[] value = new char[16];
        private int count;

        TextBuffer(String initial) {
            append(initial);
        }

        synchronized int length() {
            return count;
        }

        synchronized void getChars(int begin, int end, char[] destination, int destinationBegin) {
            if (end > count) {
                throw new StringIndexOutOfBoundsException("end " + end + ", length " + count);
            }
            System.arraycopy(value, begin, destination, destinationBegin, end - begin);
        }

        synchronized void setLength(int length) {
            if (length > count) {
                Arrays.fill(ensureCapacity(length), count, length, '\0');
            }
            count = length;
        }

        synchronized TextBuffer append(String text) {
            ensureCapacity(count + text.length());
            text.getChars(0, text.length(), value, count);
            count += text.length();
            return this;
        }

        /** The JDK 1.4 way: the other buffer's length and its characters are read in two separate calls. */
        synchronized TextBuffer appendInTwoCalls(TextBuffer other) {
            int length = other.length();
            ensureCapacity(count + length);
            other.getChars(0, length, value, count);
            count += length;
            return this;
        }

        /** The fix: one synchronized call on the other buffer yields a consistent copy of it. */
        synchronized TextBuffer appendSnapshot(TextBuffer other) {
            return append(other.toString());
        }

        @Override
        public synchronized String toString() {
            return new String(value, 0, count);
        }

        private char[] ensureCapacity(int capacity) {
            if (capacity > value.length) {
                value = Arrays.copyOf(value, Math.max(capacity, 2 * value.length + 2));
            }
            return value;
        }
    }

    @BugSample(ConcurrencyFailure.Kind.EXCEPTION)
    @ConcurrencyTest
    void appendReadsTheLengthAndTheCharactersApart() throws InterruptedException {
        TextBuffer target = new TextBuffer("log: ");
        TextBuffer source = new TextBuffer("abc");
        Threads.runAll(() -> target.appendInTwoCalls(source), () -> source.setLength(0));
        String text = target.toString();
        assertTrue(text.equals("log: abc") || text.equals("log: "), "appended " + text);
    }

    @ConcurrencyTest
    void appendCopiesTheOtherBufferInOneCall() throws InterruptedException {
        TextBuffer target = new TextBuffer("log: ");
        TextBuffer source = new TextBuffer("abc");
        Threads.runAll(() -> target.appendSnapshot(source), () -> source.setLength(0));
        String text = target.toString();
        assertTrue(text.equals("log: abc") || text.equals("log: "), "appended " + text);
    }
}
