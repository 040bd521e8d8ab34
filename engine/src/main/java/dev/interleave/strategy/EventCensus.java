package dev.interleave.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the first schedules of one exploration showed, for {@link SurwStrategy}: the <em>resources</em> of the test
 * (places that more than one thread touched, at least one of them changing it: a field, an array element, a monitor,
 * a JDK object run as one step), the code sites that touch each, how many steps at those sites each thread took,
 * and which thread started which.
 *
 * <p>A resource is known by its sites, not by its object, since every schedule has objects of its own: the sites that
 * touched one shared place in a schedule become one resource, and a later place that shares a site with it joins it.
 * Resources are numbered in the order their places were first touched, and threads by their ids, so that what the
 * census holds, and every schedule that reads it, follows from the schedules alone.
 *
 * <p>Listens to {@value #LEARNED_SCHEDULES} schedules after the first, then holds what it learned: a schedule's cost
 * of listening is a map lookup a step. The first schedule of a test in a JVM also runs the static initializers of the
 * classes it loads, which later schedules do not: learning from it would make what a seed explores depend on whether
 * the classes were loaded before.
 */
public final class EventCensus implements StepListener {

    /** How many schedules are listened to; what the test does seldom changes after the first few. */
    static final int LEARNED_SCHEDULES = 8;

    /** One place of one schedule: who touched it, whether anyone changed it, and at which sites. */
    private static final class Place {
        final int firstThread;
        boolean shared;
        boolean written;
        int[] sites = new int[2];
        int siteCount;

        Place(int firstThread) {
            this.firstThread = firstThread;
        }

        void touch(int thread, int kind, int site) {
            shared |= thread != firstThread;
            written |= kind != Decision.READ;
            for (int i = 0; i < siteCount; i++) {
                if (sites[i] == site) {
                    return;
                }
            }
            if (siteCount == sites.length) {
                sites = Arrays.copyOf(sites, siteCount * 2);
            }
            sites[siteCount++] = site;
        }
    }

    // what the schedules so far showed
    private final Map<Integer, Integer> resourceOfSite = new HashMap<>();
    private int resources;
    /** By thread id, then resource: the most steps the thread took on the resource in one schedule. */
    private final List<int[]> steps = new ArrayList<>();
    /** By thread id: the thread that started it in the last schedule listened to, or -1. */
    private int[] parents = new int[0];
    private int learned;
    private int heard;

    // the schedule being listened to
    private boolean listening;
    private IdentityHashMap<Object, Map<Long, Place>> placesByTarget;
    private List<Place> places;
    private Map<Long, int[]> stepsAtSite;
    private IdentityHashMap<Object, Integer> starters;
    private int[] scheduleParents;

    /** A schedule begins; it is listened to if it is not the first, and fewer than {@value #LEARNED_SCHEDULES} were. */
    public void scheduleStarts() {
        listening = heard++ > 0 && learned < LEARNED_SCHEDULES;
        if (listening) {
            placesByTarget = new IdentityHashMap<>();
            places = new ArrayList<>();
            stepsAtSite = new HashMap<>();
            starters = new IdentityHashMap<>();
            scheduleParents = new int[8];
            Arrays.fill(scheduleParents, -1);
        }
    }

    /** The schedule that began last has ended: what it showed joins what the census knows. */
    public void scheduleEnded() {
        if (!listening) {
            return;
        }
        listening = false;
        learned++;
        for (Place place : places) {
            if (place.shared && place.written) {
                addResource(place);
            }
        }
        Map<Integer, int[]> schedule = new HashMap<>();
        for (Map.Entry<Long, int[]> entry : stepsAtSite.entrySet()) {
            Integer resource = resourceOfSite.get((int) (long) entry.getKey());
            if (resource != null) {
                int thread = (int) (entry.getKey() >>> 32);
                schedule.computeIfAbsent(thread, t -> new int[resources])[resource] += entry.getValue()[0];
            }
        }
        schedule.forEach((thread, counts) -> {
            while (steps.size() <= thread) {
                steps.add(new int[0]);
            }
            int[] known = steps.get(thread);
            if (known.length < counts.length) {
                known = Arrays.copyOf(known, counts.length);
                steps.set(thread, known);
            }
            for (int r = 0; r < counts.length; r++) {
                known[r] = Math.max(known[r], counts[r]);
            }
        });
        parents = scheduleParents;
        placesByTarget = null;
        places = null;
        stepsAtSite = null;
        starters = null;
    }

    private void addResource(Place place) {
        Integer resource = null;
        for (int i = 0; i < place.siteCount && resource == null; i++) {
            resource = resourceOfSite.get(place.sites[i]);
        }
        if (resource == null) {
            resource = resources++;
        }
        for (int i = 0; i < place.siteCount; i++) {
            resourceOfSite.putIfAbsent(place.sites[i], resource);
        }
    }

    @Override
    public void step(int thread, Object target, long location, int kind, boolean global, int site) {
        if (!listening) {
            return;
        }
        if (location == Decision.THREAD_START) {
            if (kind == Decision.RELEASE) {
                starters.put(target, thread);
            } else if (kind == Decision.ACQUIRE) {
                Integer starter = starters.get(target);
                if (thread >= scheduleParents.length) {
                    int old = scheduleParents.length;
                    scheduleParents = Arrays.copyOf(scheduleParents, Math.max(thread + 1, old * 2));
                    Arrays.fill(scheduleParents, old, scheduleParents.length, -1);
                }
                scheduleParents[thread] = starter == null ? -1 : starter;
            }
            return;
        }
        if (site == 0 || !(location >= 0 || location == Decision.MONITOR || location == Decision.LIBRARY_OBJECT)) {
            return; // the clock, a thread's life cycle, a yield: order, not data
        }
        Map<Long, Place> byLocation = placesByTarget.computeIfAbsent(target, t -> new HashMap<>());
        Place place = byLocation.get(location);
        if (place == null) {
            place = new Place(thread);
            byLocation.put(location, place);
            places.add(place);
        }
        place.touch(thread, kind, site);
        stepsAtSite.computeIfAbsent((long) thread << 32 | site, k -> new int[1])[0]++;
    }

    /** How many resources the schedules so far showed. */
    public int resources() {
        return resources;
    }

    /** The sites that touch resource {@code resource}, in no particular order. */
    int[] sitesOf(int resource) {
        return resourceOfSite.entrySet().stream().filter(e -> e.getValue() == resource)
                .mapToInt(Map.Entry::getKey).toArray();
    }

    /** How many threads the schedules so far had (ids below this). */
    int threads() {
        return Math.max(steps.size(), parents.length);
    }

    /** The most steps thread {@code thread} took on resource {@code resource} in one schedule. */
    int steps(int thread, int resource) {
        if (thread >= steps.size()) {
            return 0;
        }
        int[] counts = steps.get(thread);
        return resource < counts.length ? counts[resource] : 0;
    }

    /** The thread that started thread {@code thread} in the last schedule listened to, or -1. */
    int parent(int thread) {
        return thread < parents.length ? parents[thread] : -1;
    }
}
