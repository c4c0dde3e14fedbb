package io.touchstone.application.fake;

/** A fake's storage that {@link InMemoryUnitOfWork} can put back the way it was when a transaction fails. */
public interface InMemoryStore {

    /** Captures the current contents; running the returned action restores them. */
    Runnable snapshot();
}
