package org.luoshi.task.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.luoshi.task.evaluation.report.AssessmentReportModel.CompletionRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.IndicatorRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.YearPoint;

/** The report's charts as PNG, drawn with JFreeChart in the report's CJK font so that Chinese labels show. */
final class ReportCharts {
    static final int INDICATOR_WIDTH = 960;
    static final int INDICATOR_HEIGHT = 480;
    static final int CHAPTER_WIDTH = 960;
    private static final Color ACTUAL = new Color(0xC0, 0x1F, 0x1F);
    private static final Color PATH = new Color(0x4A, 0x5A, 0x6A);
    private static final Color TARGET = new Color(0x1F, 0x5F, 0xB0);
    private static final Color TASKS = new Color(0xB8, 0xC4, 0xD0);
    private static final Color DONE = new Color(0x2E, 0x7D, 0x32);

    private final StandardChartTheme theme;
    private final Font font;

    ReportCharts(Font cjkFont) {
        this.font = cjkFont;
        theme = new StandardChartTheme("luoshi-report");
        theme.setExtraLargeFont(cjkFont.deriveFont(Font.PLAIN, 22f));
        theme.setLargeFont(cjkFont.deriveFont(Font.PLAIN, 17f));
        theme.setRegularFont(cjkFont.deriveFont(Font.PLAIN, 15f));
        theme.setSmallFont(cjkFont.deriveFont(Font.PLAIN, 13f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
    }

    /** Reported values by year against the straight path from baseline to target, with the target marked. */
    byte[] indicator(IndicatorRow row) {
        XYSeries actual = series("实际值", row.values());
        XYSeries path = series("规划进度路径（所需进度）", row.requiredPath());
        XYSeries target = new XYSeries("目标值（" + row.targetYear() + "年）");
        if (row.target() != null) {
            target.add(row.targetYear(), row.target().doubleValue());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(actual);
        data.addSeries(path);
        data.addSeries(target);

        NumberAxis years = new NumberAxis("年份");
        years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        years.setNumberFormatOverride(new DecimalFormat("0"));
        years.setAutoRangeIncludesZero(false);
        NumberAxis values = new NumberAxis(row.unit() == null || row.unit().isBlank() ? "" : "单位：" + row.unit());
        values.setAutoRangeIncludesZero(false);
        values.setAutoRangeStickyZero(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        XYPlot plot = new XYPlot(data, years, values, renderer);
        JFreeChart chart = new JFreeChart(row.name(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        // the theme resets paints and strokes: apply it first, then draw the series our way
        theme.apply(chart);
        renderer.setSeriesPaint(0, ACTUAL);
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(1, PATH);
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(2, TARGET);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShape(2, new Rectangle2D.Double(-7, -7, 14, 14));
        if (row.target() != null) {
            XYTextAnnotation label = new XYTextAnnotation("目标 " + ReportText.number(row.target()),
                    row.targetYear(), row.target().doubleValue());
            label.setFont(font.deriveFont(Font.PLAIN, 14f));
            label.setPaint(TARGET);
            label.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addAnnotation(label);
        }
        legendAtBottom(chart);
        return png(chart, INDICATOR_WIDTH, INDICATOR_HEIGHT);
    }

    /** Tasks and completed tasks of every chapter, as horizontal bars. */
    byte[] chapters(List<CompletionRow> chapters) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CompletionRow row : chapters) {
            String label = chapterLabel(row);
            data.addValue(row.tasks(), "重点任务数", label);
            data.addValue(row.completed(), "已完成", label);
        }
        CategoryAxis axis = new CategoryAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        axis.setMaximumCategoryLabelLines(2);
        NumberAxis counts = new NumberAxis("任务数（项）");
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(data, axis, counts, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart("各章重点任务完成情况", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        theme.apply(chart);
        renderer.setSeriesPaint(0, TASKS);
        renderer.setSeriesPaint(1, DONE);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        renderer.setDefaultItemLabelFont(font.deriveFont(Font.PLAIN, 12f));
        legendAtBottom(chart);
        return png(chart, CHAPTER_WIDTH, chapterHeight(chapters.size()));
    }

    static int chapterHeight(int chapters) {
        return 140 + 52 * Math.max(chapters, 1);
    }

    /** "第三章 …" from the chapter number and its title, shortened so that the bars keep their room. */
    static String chapterLabel(CompletionRow row) {
        return chapterLabel(row, 14);
    }

    static String chapterLabel(CompletionRow row, int maxNameLength) {
        String number;
        try {
            number = "第" + ReportText.chineseNumber(Integer.parseInt(row.key().strip())) + "章";
        } catch (NumberFormatException | NullPointerException e) {
            number = row.key() == null ? "" : row.key();
        }
        String name = row.name() == null ? "" : row.name().strip();
        if (name.length() > maxNameLength) {
            name = name.substring(0, maxNameLength - 1) + "…";
        }
        return name.isEmpty() ? number : number + " " + name;
    }

    private static XYSeries series(String name, List<YearPoint> points) {
        XYSeries series = new XYSeries(name, true, false);
        if (points != null) {
            for (YearPoint point : points) {
                BigDecimal value = point.value();
                if (value != null) {
                    series.add(point.year(), value.doubleValue());
                }
            }
        }
        return series;
    }

    private static void legendAtBottom(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // opaque RGB: PDFBox then embeds the PNG's compressed data as it is instead of re-encoding an alpha image
            BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw a chart of the assessment report", e);
        }
        return out.toByteArray();
    }
}
