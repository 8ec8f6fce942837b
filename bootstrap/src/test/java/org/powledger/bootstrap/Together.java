package org.powledger.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Clients released at the same moment, to race each other. */
final class Together {

    /** What client number {@code client} does. */
    interface Task<T> {
        T run(int client) throws Exception;
    }

    private Together() {
    }

    /** Runs {@code task} on {@code clients} threads released together and gives their results, in client order. */
    static <T> List<T> run(int clients, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.run(client);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
