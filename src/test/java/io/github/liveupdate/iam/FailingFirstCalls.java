package io.github.liveupdate.iam;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Wraps a client so that the first calls of chosen methods throw a given exception and every other call goes
 * to the real client. Tests use it to make a moto-backed client fail the way AWS does for a while after a
 * change, which moto itself never does.
 */
final class FailingFirstCalls<T> implements InvocationHandler {

    private final T target;
    private final Map<String, AtomicInteger> remainingFailures = new ConcurrentHashMap<>();
    private final Map<String, Supplier<RuntimeException>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private FailingFirstCalls(T target) {
        this.target = target;
    }

    static <T> FailingFirstCalls<T> wrapping(T target) {
        return new FailingFirstCalls<>(target);
    }

    /** Makes the first {@code times} calls of every overload of {@code method} throw {@code fault}. */
    FailingFirstCalls<T> fail(String method, int times, Supplier<RuntimeException> fault) {
        remainingFailures.put(method, new AtomicInteger(times));
        faults.put(method, fault);
        return this;
    }

    /** Returns how often {@code method} was called, failed calls included. */
    int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    @SuppressWarnings("unchecked")
    T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        calls.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
        AtomicInteger remaining = remainingFailures.get(name);
        if (remaining != null && remaining.getAndDecrement() > 0) {
            throw faults.get(name).get();
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
