package dev.interleave.engine.descriptor;

import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.hierarchical.Node;

/** The JUnit Jupiter annotations a Java developer puts on tests, read the way Jupiter reads them. */
final class JupiterAnnotations {

    private JupiterAnnotations() {
    }

    static String displayName(AnnotatedElement element, String fallback) {
        return AnnotationSupport.findAnnotation(element, DisplayName.class).map(DisplayName::value)
                .map(String::trim).filter(name -> !name.isEmpty()).orElse(fallback);
    }

    static Set<TestTag> tags(AnnotatedElement... elements) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (AnnotatedElement element : elements) {
            for (Tag tag : AnnotationSupport.findRepeatableAnnotations(element, Tag.class)) {
                if (TestTag.isValid(tag.value())) {
                    tags.add(TestTag.create(tag.value().trim()));
                }
            }
        }
        return tags;
    }

    static Node.SkipResult skipResult(AnnotatedElement element, String what) {
        Optional<Disabled> disabled = AnnotationSupport.findAnnotation(element, Disabled.class);
        return disabled.map(annotation -> Node.SkipResult.skip(annotation.value().isBlank()
                        ? what + " is @Disabled" : annotation.value()))
                .orElse(Node.SkipResult.doNotSkip());
    }
}
