package fr.alize.local;

import fr.alize.infra.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launched suite on a Kafka cluster with two instances of every service ({@code --brokers 3 --replicas 2}): every
 * partition has three in-sync replicas; the demo story, its calls sent to the instances in turn, gives the figures
 * {@link LauncherIT} checks with one, on either instance; a need published through one instance is ranked by both
 * matching instances; the same proposal sent to both at once makes one mission; a rebuild asked of one impact instance
 * is seen switched by the other, with the same reports. Then the fault run ({@link FaultRun}): under a steady load of
 * commands to every instance of the four services, the broker that leads most partitions is killed (SIGKILL) and
 * restarted, one instance of each service is killed (the needs one that holds the outbox relay: the other takes it
 * over) and restarted, and PostgreSQL is restarted; afterwards every command answered 2xx is in its service's event
 * store, on its topic and counted once in the projections of both instances.
 * <p>
 * Not part of the default run (about 9 minutes on this machine; figures in docs/deployment.md): run it with
 * {@code ./mvnw -pl deploy/local -am verify -Dalize.cluster-it=true -Dit.test=ClusterIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@link ReplicasIT} covers several replicas on one broker meanwhile.
 */
@EnabledIfSystemProperty(named = "alize.cluster-it", matches = "true")
class ClusterIT extends LaunchedSuite {

    private FaultRun faults;

    /** Services the fault run started again are not the launcher's children: stopped here, before the launcher. */
    @AfterEach
    void stopRestarted() {
        if (faults != null) {
            faults.restarted().forEach(Relaunch::stop);
        }
    }

    @Test
    void threeBrokersAndTwoInstancesOfEveryServiceAnswerAsOneDoesAndLoseNothingThroughFaults() throws Exception {
        choosePorts(2, KafkaBroker.CLUSTER_SIZE);
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("cluster.log");
        Process launcher = launch(data, log, "--brokers", "3", "--replicas", "2", "--demo");
        double ready = awaitReady(launcher, log);
        Matcher loaded = awaitDemo(launcher, log);
        System.out.println("DEMO (3 brokers, 2 replicas): " + loaded.group());
        report("3 brokers, 2 replicas", launcher, data, ready);
        faults = new FaultRun(this, data);
        faults.assertEveryPartitionOnThreeInSyncReplicas();
        List<DemoStoryChecks> instances = TwoInstances.assertTheyAnswerAsOneDoes(Files.readString(log));

        faults.run(instances.get(0), instances.get(1));

        launcher.destroy();
        assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "launcher stopped");
        assertEquals(0, launcher.exitValue(), Files.readString(log));
        assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "lock removed");
    }
}
