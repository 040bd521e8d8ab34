package dev.interleave.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The reads one thread took since another thread last took a step: each place it read, and the instruction that
 * read it. Reading a place again at the same instruction, with nothing changed since, is a turn of a spin loop.
 */
final class Polls {

    private final List<Object> targets = new ArrayList<>(2);
    private final long[] locations = new long[8];
    private final int[] sites = new int[8];

    void add(Object target, long location, int site) {
        if (repeats(target, location, site) || targets.size() == locations.length) {
            return; // a loop polls few places: those past the first few tell nothing more
        }
        locations[targets.size()] = location;
        sites[targets.size()] = site;
        targets.add(target);
    }

    boolean repeats(Object target, long location, int site) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == target && locations[i] == location && sites[i] == site) {
                return true;
            }
        }
        return false;
    }
}
