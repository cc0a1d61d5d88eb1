package io.filestore.boot.autoconfigure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.StoreState;
import io.filestore.Subscription;

/**
 * The auto-configured {@link FileStore} bean: a proxy over an open store that {@link FileStoreLifecycle}
 * can {@linkplain #release() close} and {@linkplain #reopen() open again} on the same options.
 *
 * <p>Spring's test context cache pauses the contexts it is not using (it stops their lifecycle beans)
 * and restarts one when a test needs it again. Releasing the folder on pause is what lets another
 * cached context use the same data folder in the same JVM without a "folder locked" failure; reopening
 * on restart reads back what the other context wrote. So that beans holding the proxy keep working
 * across a reopen, the proxy hands out collections that look up the current store on every call,
 * and renews every listener registered through it (any method returning a {@link Subscription}).
 * Transactions, and objects other than collections and subscriptions, belong to the store that was
 * open when they were made.
 *
 * <p>{@link FileStore#close()} on the proxy closes it for good. Thread-safe.
 */
final class ReopenableFileStore implements InvocationHandler {

    private final FileStoreOptions options;
    private final Map<String, DocumentCollection> collections = new ConcurrentHashMap<>();
    private final Set<Registration> registrations = new LinkedHashSet<>(); // guarded by this
    private volatile FileStore store;
    private boolean closedForGood; // guarded by this; released or not, the store's own state says

    private ReopenableFileStore(FileStoreOptions options) {
        this.options = options;
        this.store = FileStore.open(options);
    }

    /** Opens a store on the options and returns the proxy over it. */
    static FileStore open(FileStoreOptions options) {
        return (FileStore) Proxy.newProxyInstance(FileStore.class.getClassLoader(), new Class<?>[] {FileStore.class},
                new ReopenableFileStore(options));
    }

    /** The handler behind a proxy made by {@link #open}, or empty for any other store. */
    static Optional<ReopenableFileStore> of(FileStore store) {
        if (Proxy.isProxyClass(store.getClass()) && Proxy.getInvocationHandler(store) instanceof ReopenableFileStore handler) {
            return Optional.of(handler);
        }
        return Optional.empty();
    }

    /**
     * Flushes and closes the current store, which releases the data folder; calls then fail with
     * {@link io.filestore.StoreClosedException} until {@link #reopen()}. The folder is released even
     * when this throws (see {@link FileStore#close()}).
     */
    synchronized void release() {
        if (closedForGood || isReleased()) {
            return;
        }
        store.close();
    }

    /**
     * Opens the store again after {@link #release()} and renews the listeners registered through the
     * proxy; does nothing while it is open or once it was closed for good.
     *
     * @throws io.filestore.StoreLockedException when another store took the folder meanwhile
     */
    synchronized void reopen() {
        if (closedForGood || !isReleased()) {
            return;
        }
        FileStore reopened = FileStore.open(options);
        try {
            for (Registration registration : registrations) {
                registration.renew(reopened);
            }
        } catch (RuntimeException | Error e) {
            reopened.close();
            throw e;
        }
        store = reopened;
    }

    /** Whether the current store is closed (a close that threw releases the folder all the same). */
    private boolean isReleased() {
        return store.status().state() == StoreState.CLOSED;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, "FileStore on " + options.dataDir());
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            closeForGood();
            return null;
        }
        return dispatch(current -> current, method, args);
    }

    private synchronized void closeForGood() {
        if (closedForGood) {
            return;
        }
        closedForGood = true;
        if (!isReleased()) {
            store.close();
        }
    }

    /**
     * Calls the method on what the target picks from the current store, and replaces a result bound
     * to that store by one that follows the store across a reopen.
     */
    private Object dispatch(Function<FileStore, Object> target, Method method, Object[] args) throws Throwable {
        if (Subscription.class.isAssignableFrom(method.getReturnType())) {
            synchronized (this) { // so that no reopen comes between the registration and its record
                Subscription subscription = (Subscription) call(target.apply(store), method, args);
                Registration registration = new Registration(target, method, args, subscription);
                registrations.add(registration);
                return registration;
            }
        }
        Object result = call(target.apply(store), method, args);
        if (result instanceof DocumentCollection collection) {
            return collections.computeIfAbsent(collection.name(), this::collectionProxy);
        }
        return result;
    }

    private DocumentCollection collectionProxy(String name) {
        Function<FileStore, Object> target = current -> current.collection(name);
        InvocationHandler handler = (proxy, method, args) -> method.getDeclaringClass() == Object.class
                ? objectMethod(proxy, method, args, "collection " + name + " of FileStore on " + options.dataDir())
                : dispatch(target, method, args);
        return (DocumentCollection) Proxy.newProxyInstance(DocumentCollection.class.getClassLoader(),
                new Class<?>[] {DocumentCollection.class}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> description;
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A listener registered through the proxy, registered again with each reopened store. */
    private final class Registration implements Subscription {

        private final Function<FileStore, Object> target;
        private final Method method;
        private final Object[] args;
        private Subscription current;

        Registration(Function<FileStore, Object> target, Method method, Object[] args, Subscription current) {
            this.target = target;
            this.method = method;
            this.args = args;
            this.current = current;
        }

        void renew(FileStore reopened) {
            try {
                current = (Subscription) call(target.apply(reopened), method, args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot renew " + method.getName() + " on the reopened store", e);
            }
        }

        @Override
        public void close() {
            synchronized (ReopenableFileStore.this) {
                if (registrations.remove(this)) {
                    current.close();
                }
            }
        }
    }
}
