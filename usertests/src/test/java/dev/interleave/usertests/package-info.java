/**
 * The verifier of the user-shaped project in {@code com.example.shop}: it runs that project through the JUnit
 * Platform Console Launcher in child JVMs, reads what those runs and the module's Surefire runs reported, and checks
 * that every bug is found and every correct program passes, with the same figures and the same interleaving with
 * and without {@code -javaagent}.
 */
package dev.interleave.usertests;
