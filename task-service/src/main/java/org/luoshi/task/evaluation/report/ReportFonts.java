package org.luoshi.task.evaluation.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two CJK fonts the PDF embeds (a Song/宋体-style body font and a Hei/黑体-style heading font, also used in the
 * charts). They must have TrueType outlines: PDFBox cannot subset CFF-based OpenType fonts such as Noto CJK, and
 * embedding a whole CJK font would make every report tens of megabytes.
 *
 * <p>Paths come from {@code luoshi.report.font} and {@code luoshi.report.heading-font}; unset, the first of
 * {@link #BODY_CANDIDATES} / {@link #HEADING_CANDIDATES} that exists is used (Debian's fonts-arphic-gbsn00lp and
 * fonts-wqy-zenhei, which {@code .ci/run} installs). A TrueType collection (.ttc) contributes its first font.
 */
public final class ReportFonts {
    public static final String BODY_KEY = "luoshi.report.font";
    public static final String HEADING_KEY = "luoshi.report.heading-font";
    static final List<Path> BODY_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));
    static final List<Path> HEADING_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));
    private static final String HOW_TO_FIX = "install Debian's fonts-arphic-gbsn00lp and fonts-wqy-zenhei "
            + "(apt-get install fonts-arphic-gbsn00lp fonts-wqy-zenhei) or set " + BODY_KEY + " and " + HEADING_KEY
            + " to TrueType-outline CJK fonts (.ttf or .ttc)";

    private final FontFile body;
    private final FontFile heading;
    private final Font chartFont;
    private TrueTypeFont parsedBody;
    private TrueTypeFont parsedHeading;

    private ReportFonts(FontFile body, FontFile heading) {
        this.body = body;
        this.heading = heading;
        this.chartFont = heading.awtFont();
    }

    /** The configured fonts, else the first installed candidates; {@link ReportFontsUnavailableException} if none. */
    public static ReportFonts locate(Optional<String> bodyPath, Optional<String> headingPath) {
        Path bodyFile = choose(BODY_KEY, bodyPath, BODY_CANDIDATES);
        Path headingFile = choose(HEADING_KEY, headingPath, HEADING_CANDIDATES);
        return new ReportFonts(FontFile.read(bodyFile), FontFile.read(headingFile));
    }

    private static Path choose(String key, Optional<String> configured, List<Path> candidates) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path path = Path.of(configured.get().strip());
            if (!Files.isReadable(path)) {
                throw new ReportFontsUnavailableException(
                        key + " is " + path + " but there is no readable font file there: " + HOW_TO_FIX);
            }
            return path;
        }
        return candidates.stream().filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new ReportFontsUnavailableException("no CJK font for assessment reports (tried "
                        + candidates + "): " + HOW_TO_FIX));
    }

    Path bodyPath() {
        return body.path;
    }

    Path headingPath() {
        return heading.path;
    }

    /** The heading font for AWT (the charts). */
    Font chartFont() {
        return chartFont;
    }

    /**
     * Loads the body font into {@code document} for subsetting. The parsed font is kept and shared between
     * documents (parsing a CJK font's tables costs more than laying out a report), so a caller holds this object's
     * monitor from loading until the document is saved: fontbox reads glyphs lazily and is not thread-safe.
     */
    PDFont body(PDDocument document) throws IOException {
        assert Thread.holdsLock(this);
        if (parsedBody == null) {
            parsedBody = body.parse(new ArrayList<>());
        }
        return PDType0Font.load(document, parsedBody, true);
    }

    /** The heading font, as {@link #body(PDDocument)}. */
    PDFont heading(PDDocument document) throws IOException {
        assert Thread.holdsLock(this);
        if (parsedHeading == null) {
            parsedHeading = heading.parse(new ArrayList<>());
        }
        return PDType0Font.load(document, parsedHeading, true);
    }

    /** Thrown when no usable CJK font is there: the report cannot be rendered legibly without one. */
    public static final class ReportFontsUnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReportFontsUnavailableException(String message) {
            super(message);
        }

        ReportFontsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A font file kept in memory: parsing it from bytes per render keeps renders independent and thread-safe. */
    private record FontFile(Path path, byte[] bytes, boolean collection) {

        static FontFile read(Path path) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new ReportFontsUnavailableException("cannot read the report font " + path + ": " + HOW_TO_FIX, e);
            }
            boolean collection = bytes.length >= 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c'
                    && bytes[3] == 'f';
            FontFile file = new FontFile(path, bytes, collection);
            file.check();
            return file;
        }

        /** Refuses fonts that cannot be subset (CFF outlines) at start rather than at the first report. */
        private void check() {
            try (PDDocument probe = new PDDocument()) {
                ArrayList<Closeable> open = new ArrayList<>();
                try {
                    TrueTypeFont font = parse(open);
                    if (font instanceof OpenTypeFont otf && otf.isPostScript() || font.getGlyph() == null) {
                        throw new ReportFontsUnavailableException(path + " has no TrueType outlines (glyf table); "
                                + "PDFBox cannot subset CFF-based fonts such as Noto CJK: " + HOW_TO_FIX);
                    }
                    if (font.getUnicodeCmapLookup(false).getGlyphId('中') == 0) {
                        throw new ReportFontsUnavailableException(path + " has no Chinese glyphs: " + HOW_TO_FIX);
                    }
                } finally {
                    closeAll(open);
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ReportFontsUnavailableException u) {
                    throw u;
                }
                throw new ReportFontsUnavailableException("cannot use " + path + " as report font: " + HOW_TO_FIX, e);
            }
        }

        private TrueTypeFont parse(List<Closeable> open) throws IOException {
            if (collection) {
                TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(bytes));
                open.add(ttc);
                TrueTypeFont[] first = new TrueTypeFont[1];
                ttc.processAllFonts(font -> {
                    if (first[0] == null) {
                        first[0] = font;
                    }
                });
                if (first[0] == null) {
                    throw new IOException("empty font collection " + path);
                }
                return first[0];
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            open.add(font);
            return font;
        }

        Font awtFont() {
            try {
                Font[] fonts = Font.createFonts(new ByteArrayInputStream(bytes));
                return fonts[0];
            } catch (IOException | FontFormatException e) {
                throw new ReportFontsUnavailableException("Java cannot read the report font " + path + " for charts: "
                        + HOW_TO_FIX, e);
            }
        }
    }

    static void closeAll(List<Closeable> open) {
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        open.clear();
    }

    @Override
    public String toString() {
        return "ReportFonts[body=" + body.path + ", heading=" + heading.path + "]";
    }
}
