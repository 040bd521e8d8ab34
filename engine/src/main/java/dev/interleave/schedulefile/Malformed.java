package dev.interleave.schedulefile;

/**
 * A body that passed the header's checks but does not decode: what is wrong with it, in words that follow
 * "{@code <file>: corrupt: }". Unchecked so that it passes through Kryo's serializers.
 */
final class Malformed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Malformed(String problem) {
        super(problem, null, false, false);
    }
}
