package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/** Plain Jupiter tests, next to the concurrency tests in the same project. */
class PriceTests {

    @Test
    void discountRoundsHalfUp() {
        BigDecimal price = new BigDecimal("9.99").multiply(new BigDecimal("0.85")).setScale(2, RoundingMode.HALF_UP);
        assertEquals(new BigDecimal("8.49"), price);
    }

    @Test
    void taxIsAddedOnce() {
        assertEquals(new BigDecimal("11.90"), new BigDecimal("10.00").multiply(new BigDecimal("1.19"))
                .setScale(2, RoundingMode.HALF_UP));
    }
}
