package io.github.pinpointevents.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one pinpoint-events server (loopback, a free port) for the annotated class, its {@code @Nested} classes
 * included; test and lifecycle methods take a {@link PinpointEvents} parameter to reach it. For other server
 * settings, register a {@link PinpointEventsExtension} in a static field instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PinpointEventsExtension.class)
public @interface PinpointEventsTest {

    /** Whether recorded events are forgotten before each test (default true). */
    boolean clearBetweenTests() default true;
}
