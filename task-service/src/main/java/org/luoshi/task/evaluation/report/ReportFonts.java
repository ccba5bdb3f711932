package org.luoshi.task.evaluation.report;

import java.awt.Font;
import java.awt.FontFormatException;
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
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
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
        List<Path> files = choose(bodyPath, headingPath);
        return new ReportFonts(FontFile.read(files.get(0)), FontFile.read(files.get(1)));
    }

    /**
     * The body and heading font files {@link #locate} would read, found without reading them (reading and checking
     * both CJK fonts takes seconds and keeps their ~20 MB in the heap); {@link ReportFontsUnavailableException} if a
     * configured one is not readable or no candidate is installed.
     */
    public static List<Path> choose(Optional<String> bodyPath, Optional<String> headingPath) {
        return List.of(choose(BODY_KEY, bodyPath, BODY_CANDIDATES), choose(HEADING_KEY, headingPath, HEADING_CANDIDATES));
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

    /**
     * A font file, read from disk whenever it is parsed: keeping its bytes in the heap cost as much again as the parsed
     * font (~22 MB for the two default fonts), and a collection's other faces are never parsed (each would copy its
     * glyph table into the heap too: ~45 MB for wqy-zenhei.ttc's three).
     */
    private record FontFile(Path path, boolean collection) {

        static FontFile read(Path path) {
            byte[] magic = new byte[4];
            try (var in = Files.newInputStream(path)) {
                int read = in.readNBytes(magic, 0, 4);
                FontFile file = new FontFile(path, read == 4 && magic[0] == 't' && magic[1] == 't' && magic[2] == 'c'
                        && magic[3] == 'f');
                file.check();
                return file;
            } catch (IOException e) {
                throw new ReportFontsUnavailableException("cannot read the report font " + path + ": " + HOW_TO_FIX, e);
            }
        }

        /** Refuses fonts that cannot be subset (CFF outlines) when located rather than halfway through a report. */
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
                String[] firstName = new String[1];
                TrueTypeCollection.processAllFontHeaders(path.toFile(), headers -> {
                    if (firstName[0] == null) {
                        firstName[0] = headers.getName();
                    }
                });
                if (firstName[0] == null) {
                    throw new IOException("empty font collection " + path);
                }
                TrueTypeCollection ttc = new TrueTypeCollection(path.toFile());
                open.add(ttc);
                TrueTypeFont first = ttc.getFontByName(firstName[0]);
                if (first == null) {
                    throw new IOException("no font named " + firstName[0] + " in " + path);
                }
                return first;
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path));
            open.add(font);
            return font;
        }

        Font awtFont() {
            try {
                Font[] fonts = Font.createFonts(path.toFile());
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
