package dev.interleave.usertests;

import static dev.interleave.usertests.Expectation.findsBug;
import static dev.interleave.usertests.Expectation.passes;
import static dev.interleave.usertests.Expectation.passesExploration;

import java.util.List;

/** Every test of the user's project in {@code com.example.shop}, with what it must do. */
final class UserProject {

    /** The package the project's tests are in. */
    static final String PACKAGE = "com.example.shop";

    /** The budget of schedules on every {@code @ConcurrencyTest} of the project: a correct program runs them all. */
    static final int SCHEDULES = 100;

    private static final String ASSERTION = "threw org.opentest4j.AssertionFailedError";
    private static final String DEADLOCK = "Deadlock";
    private static final String HANG = "Hang: ";

    /** The watchdog's bound in the project's {@code junit-platform.properties}, far below its default of 10 s. */
    static final int WATCHDOG_MILLIS = 3000;

    static final String EXIT_REFUSED = "ShutdownTest.aBadOrderEndsTheProgram";
    static final String SPINS = "StockCountTest.aCounterSpinsForEver";

    static final List<Expectation> EXPECTATIONS = List.of(
            // shared state in static nested classes of the test class
            findsBug("StackTest.pushReadsTopOutsideItsLock", ASSERTION),
            passesExploration("StackTest.pushUnderItsLock"),
            passes("StackTest.pushAddsOneItem"),
            findsBug("AccountTest.withdrawChecksThenActs", ASSERTION),
            passesExploration("AccountTest.withdrawUnderTheLock"),
            findsBug("CatalogTest.lazyGetterCreatesTwoCatalogs", ASSERTION),
            passesExploration("CatalogTest.synchronizedGetterCreatesOne"),
            findsBug("DriverTest.enterSlipsPastStop", ASSERTION),
            passesExploration("DriverTest.stopAndEnterTakeTheLock"),
            passesExploration("BoundedBufferTest.notifyAllWakesEveryWaiter"),
            findsBug("BoundedBufferTest.notifyWakesTheWrongWaiter", DEADLOCK),
            // inner classes
            findsBug("CartTest.twoShoppersLoseAnItem", ASSERTION),
            passesExploration("CartTest.twoShoppersAtTheCheckout"),
            // a top-level class with synchronized blocks, wait() and notifyAll() or notify()
            passesExploration("MessageQueueTest.everyMessageIsDelivered"),
            findsBug("MessageQueueTest.notifyStrandsAClerk", DEADLOCK),
            // a class the JVM first loads in @BeforeAll
            findsBug("ShelfTest.twoBuyersTakeTheLastItem", ASSERTION),
            passesExploration("ShelfTest.twoBuyersAtTheCounter"),
            // classes named only as a parameter type (Ledger) and a field type (Tally)
            passesExploration("LedgerTest.twoClerksPostToOneLedger"),
            findsBug("LedgerTest.twoClerksLoseACount", ASSERTION),
            // a Jupiter @Nested class with @Test and @ConcurrencyTest methods
            passes("OrderBookTests.aNewBookIsEmpty"),
            passes("WhenTwoTradersShareABook.oneOrderIsCounted"),
            findsBug("WhenTwoTradersShareABook.tradersLoseAnOrder", ASSERTION),
            passesExploration("WhenTwoTradersShareABook.tradersPlaceUnderTheLock"),
            // plain Jupiter tests
            passes("PriceTests.discountRoundsHalfUp"),
            passes("PriceTests.taxIsAddedOnce"),
            // a CompletableFuture chain on a fixed thread pool, every stage on the pool
            findsBug("OrderPipelineTest.twoOrdersLoseARevenue", ASSERTION),
            passesExploration("OrderPipelineTest.twoOrdersAddUnderTheLock"),
            // static initializers that touch each other, first touched by two threads; and two that do not
            findsBug("TariffTest.twoCashiersOpenTheTillsAtOnce", DEADLOCK, "waits for class Tariff's initialization",
                    "waits for class Duty's initialization"),
            passesExploration("TariffTest.twoCashiersReadTheSeasonsRebate"),
            // a localhost echo server over blocking sockets, a thread per client
            findsBug("EchoServerTest.handlersLoseAServedRequest", ASSERTION),
            passesExploration("EchoServerTest.handlersCountEveryServedRequest"),
            // System.exit on a worker: refused, the test fails, the JVM and the tests after it go on
            findsBug(EXIT_REFUSED, "threw dev.interleave.scheduler.JvmExitRefused", "called System.exit(2)"),
            passesExploration("ShutdownTest.aBadOrderIsRefused"),
            // a daemon thread still running when the test method returns, as JUnit lets it
            passesExploration("HeartbeatTest.aDaemonHeartbeatOutlivesTheTest"),
            // a loop over a local that never reaches a scheduling point, with no annotation to bound it
            findsBug(SPINS, HANG, "without reaching a scheduling point",
                    "-Dinterleave.watchdog.millis=" + WATCHDOG_MILLIS),
            passesExploration("StockCountTest.aCounterCountsAndEnds"));

    private UserProject() {
    }
}
