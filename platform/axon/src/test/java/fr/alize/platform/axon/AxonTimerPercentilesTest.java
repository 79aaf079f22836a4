package fr.alize.platform.axon;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's message timers keep counting and timing messages, without the percentiles they would compute per message. */
class AxonTimerPercentilesTest {

    @Test
    void axonTimersCountEveryMessageButComputeNoPercentiles() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new AxonTimerPercentiles());

        Timer success = timeOneMessage(registry);

        assertThat(success.count()).isEqualTo(1);
        assertThat(success.takeSnapshot().percentileValues()).isEmpty();
    }

    @Test
    void withoutTheFilterAxonTimersComputeTheirPercentiles() {
        Timer success = timeOneMessage(new SimpleMeterRegistry());

        assertThat(success.takeSnapshot().percentileValues()).hasSize(6);
    }

    @Test
    void onlyTheTimersOfAxonsMessageMonitorsAreMatched() {
        assertThat(AxonTimerPercentiles.isAxonTimer("commandBus.allTimer")).isTrue();
        assertThat(AxonTimerPercentiles.isAxonTimer("eventProcessor.ignoredTimer")).isTrue();
        assertThat(AxonTimerPercentiles.isAxonTimer("http.server.requests")).isFalse();
        assertThat(AxonTimerPercentiles.isAxonTimer("alize.relay.successTimerish")).isFalse();
    }

    private static Timer timeOneMessage(SimpleMeterRegistry registry) {
        MessageTimerMonitor monitor = MessageTimerMonitor.builder()
                .meterNamePrefix("commandBus")
                .meterRegistry(registry)
                .build();
        monitor.onMessageIngested(new GenericMessage<>("a command")).reportSuccess();
        return registry.get("commandBus.successTimer").timer();
    }
}
