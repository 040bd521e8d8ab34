package dev.interleave.bridge;

/**
 * Whether a class inherits one of {@code Object}'s identity-based methods instead of defining its own: true when the
 * public no-argument method of that name is declared by {@code Object}, or by {@code Enum}, whose final
 * {@code hashCode()} is the identity hash too. Computed once per class.
 *
 * <p>A class whose methods cannot be listed (a signature names a class that is missing) counts as defining its own,
 * so the bridge calls the real method: that costs determinism, never behaviour.
 */
final class IdentityMethod extends ClassValue<Boolean> {

    /** {@code hashCode()} is the identity hash. */
    static final IdentityMethod HASH_CODE = new IdentityMethod("hashCode", true);

    /** {@code toString()} is {@code Object}'s: the class name, {@code @}, and the hash code in hexadecimal. */
    static final IdentityMethod TO_STRING = new IdentityMethod("toString", false);

    private final String name;
    private final boolean enumIsIdentity;

    private IdentityMethod(String name, boolean enumIsIdentity) {
        this.name = name;
        this.enumIsIdentity = enumIsIdentity;
    }

    /** Whether {@code type} inherits the identity-based method. */
    boolean isInheritedBy(Class<?> type) {
        return get(type);
    }

    @Override
    protected Boolean computeValue(Class<?> type) {
        Class<?> declaring;
        try {
            declaring = type.getMethod(name).getDeclaringClass();
        } catch (NoSuchMethodException | LinkageError | SecurityException e) {
            return false;
        }
        return declaring == Object.class || (enumIsIdentity && declaring == Enum.class);
    }
}
