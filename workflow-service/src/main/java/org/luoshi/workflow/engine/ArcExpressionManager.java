package org.luoshi.workflow.engine;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The engine's default expression manager plus CDI bean names. Process variables win over bean names because
 * the engine's own resolvers are asked first.
 */
class ArcExpressionManager extends JuelExpressionManager {

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(super.createElResolver());
        resolver.add(new ArcBeanElResolver());
        return resolver;
    }
}
