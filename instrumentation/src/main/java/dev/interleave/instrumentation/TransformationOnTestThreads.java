package dev.interleave.instrumentation;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

import dev.interleave.bridge.Bridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * A class is transformed on whatever thread loads it, which may be a managed thread in the middle of an explored JDK
 * operation: the agent's own use of the JDK (its maps, its lists) must not be taken for the test's. This wraps the
 * agent's transformer, so the bridge is told that the framework runs before any of the agent's code does, and until
 * the transformation is over.
 */
final class TransformationOnTestThreads extends ResettableClassFileTransformer.WithDelegation {

    private TransformationOnTestThreads(ResettableClassFileTransformer transformer) {
        super(transformer);
    }

    static AgentBuilder.TransformerDecorator decorator() {
        return TransformationOnTestThreads::new;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        Bridge.enterFramework();
        try {
            return classFileTransformer.transform(loader, className, classBeingRedefined, protectionDomain,
                    classfileBuffer);
        } finally {
            Bridge.leaveFramework();
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        Bridge.enterFramework();
        try {
            return classFileTransformer.transform(module, loader, className, classBeingRedefined, protectionDomain,
                    classfileBuffer);
        } finally {
            Bridge.leaveFramework();
        }
    }
}
