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
            passes("PriceTests.taxIsAddedOnce"));

    private UserProject() {
    }
}
