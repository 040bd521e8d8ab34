package dev.interleave.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interleave.fixtures.LostUpdateCounter;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class SmokeTests {

    @Test
    void findsLostUpdate() {
        var results = EngineTestKit.engine("interleave").selectors(selectClass(LostUpdateCounter.class)).execute();
        results.allEvents().debug(System.out);
    }
}
