package org.luoshi.workflow.engine;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;

/**
 * Resolves a top-level name in a BPMN expression ({@code ${recordAcceptanceDelegate}},
 * {@code ${retryPolicy.taskServiceWrite}}) to the CDI bean with that {@code @Named} name.
 *
 * <p>Only normal-scoped beans ({@code @ApplicationScoped}) may be referenced: a {@code @Dependent} bean looked up
 * here would never be destroyed, so such a lookup is refused.
 */
class ArcBeanElResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null || !(property instanceof String name)) {
            return null;
        }
        InjectableBean<?> bean = Arc.container().namedBean(name);
        if (bean == null) {
            return null;
        }
        if (!Arc.container().beanManager().isNormalScope(bean.getScope())) {
            throw new ProcessEngineException("Bean '" + name + "' used in a BPMN expression must be normal-scoped "
                    + "(e.g. @ApplicationScoped), not " + bean.getScope().getSimpleName());
        }
        Object instance = Arc.container().instance(bean).get();
        context.setPropertyResolved(true);
        return instance;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base == null && property instanceof String name && Arc.container().namedBean(name) != null) {
            throw new ProcessEngineException("Cannot set '" + name + "': CDI beans are read-only in expressions");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? Object.class : null;
    }
}
