package org.luoshi.workflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.jboss.logging.Logger;

/**
 * Deploys every {@code *.bpmn} below a class-path folder as one deployment. Duplicate filtering makes a restart
 * with unchanged files a no-op, so process definition versions only grow when a model really changed.
 */
@ApplicationScoped
public class BpmnDeployer {
    static final String DEPLOYMENT_NAME = "luoshi-workflow";
    private static final Logger LOG = Logger.getLogger(BpmnDeployer.class);

    void deploy(RepositoryService repositoryService, String folder) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        SortedSet<String> resources = findBpmn(classLoader, folder);
        if (resources.isEmpty()) {
            throw new IllegalStateException("No *.bpmn found under class-path folder '" + folder + "'");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        for (String resource : resources) {
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Cannot read " + resource);
                }
                builder.addString(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        if (deployment.getDeployedProcessDefinitions() == null || deployment.getDeployedProcessDefinitions().isEmpty()) {
            LOG.infof("BPMN unchanged %s (deployment %s)", resources, deployment.getId());
        } else {
            deployment.getDeployedProcessDefinitions().forEach(definition -> LOG.infof(
                    "Deployed process '%s' version %d from %s", definition.getKey(), definition.getVersion(),
                    definition.getResourceName()));
        }
    }

    /** Resource names (folder/…/x.bpmn) found in directories and jars on the class path. */
    static SortedSet<String> findBpmn(ClassLoader classLoader, String folder) {
        SortedSet<String> found = new TreeSet<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(folder))) {
                switch (url.getProtocol()) {
                    case "file" -> {
                        Path root = Path.of(url.toURI());
                        try (Stream<Path> files = Files.walk(root)) {
                            files.filter(p -> p.getFileName().toString().endsWith(".bpmn"))
                                    .forEach(p -> found.add(folder + "/" + root.relativize(p).toString().replace('\\', '/')));
                        }
                    }
                    case "jar" -> {
                        URLConnection connection = url.openConnection();
                        connection.setUseCaches(false);
                        try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                            for (JarEntry entry : Collections.list(jar.entries())) {
                                if (entry.getName().startsWith(folder + "/") && entry.getName().endsWith(".bpmn")) {
                                    found.add(entry.getName());
                                }
                            }
                        }
                    }
                    default -> LOG.warnf("Cannot list BPMN in %s (protocol %s)", url, url.getProtocol());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
