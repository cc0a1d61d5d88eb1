package io.filestore.data.mapping.event;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.core.Ordered;
import org.springframework.data.auditing.IsNewAwareAuditingHandler;

/**
 * Sets the auditing properties ({@code @CreatedDate}, {@code @LastModifiedBy}, ...) of an entity about
 * to be saved: creation and modification for a new entity (Spring Data's rule: a {@code null} id or a
 * primitive zero, or with a {@code @Version} a {@code null} version, or {@code Persistable.isNew()}),
 * modification otherwise. {@code @EnableFileStoreAuditing} registers one. Ordered 100 by default, so
 * callbacks with a lower order see the entity before it is audited.
 */
public class AuditingEntityCallback implements BeforeConvertCallback<Object>, Ordered {

    /** The default order. */
    public static final int DEFAULT_ORDER = 100;

    private final @Nullable ObjectFactory<IsNewAwareAuditingHandler> handler;
    private int order = DEFAULT_ORDER;

    /** @param handler gives the auditing handler, on first use (so it may be a lazily created bean); not {@code null} */
    public AuditingEntityCallback(ObjectFactory<IsNewAwareAuditingHandler> handler) {
        if (handler == null) {
            throw new IllegalArgumentException("The IsNewAwareAuditingHandler factory of an AuditingEntityCallback must not be null");
        }
        this.handler = handler;
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** Sets the order among the {@link BeforeConvertCallback}s; {@value #DEFAULT_ORDER} by default. */
    public void setOrder(int order) {
        this.order = order;
    }

    @Override
    public Object onBeforeConvert(Object entity, String collection) {
        return handler.getObject().markAudited(entity);
    }
}
