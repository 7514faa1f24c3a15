package org.pilotline.erp.excel;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an uploaded .xlsx before Apache POI does: a workbook is a zip of XML parts, and an upload must not be a
 * zip bomb (too many entries, too much inflated data, an absurd compression ratio) nor carry a DTD (which is how XML
 * external entities get in; OOXML never needs one). The parts are inflated as a stream and counted, so sizes the zip
 * directory claims are not trusted.
 */
public final class WorkbookGuard {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 400L * 1024 * 1024;
    /** Inflated bytes per compressed byte above which an entry of more than a megabyte counts as a bomb (POI's own limit). */
    static final long MAX_RATIO = 100;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private WorkbookGuard() {
    }

    public static void check(byte[] upload) {
        if (upload.length < 4 || upload[0] != 'P' || upload[1] != 'K') {
            throw refuse(ProblemKind.BAD_REQUEST, "not-a-workbook", "The upload is not an .xlsx workbook",
                    "An .xlsx workbook is a zip file; this upload is not one");
        }
        CountingStream counted = new CountingStream(new ByteArrayInputStream(upload));
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(counted)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw bomb("more than " + MAX_ENTRIES + " parts");
                }
                long compressedBefore = counted.count;
                boolean xml = isXml(entry.getName());
                long inflated = scanEntry(zip, xml, entry.getName(), compressedBefore, counted);
                total += inflated;
                if (total > MAX_TOTAL_BYTES) {
                    throw bomb("it inflates to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream throws IllegalArgumentException for an entry name that is not valid UTF-8
            throw refuse(ProblemKind.BAD_REQUEST, "not-a-workbook", "The upload is not a readable .xlsx workbook",
                    "The zip structure could not be read");
        }
        if (entries == 0) {
            throw refuse(ProblemKind.BAD_REQUEST, "not-a-workbook", "The upload is not an .xlsx workbook", "The zip is empty");
        }
    }

    private static long scanEntry(ZipInputStream zip, boolean xml, String name, long compressedBefore, CountingStream counted)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long inflated = 0;
        int matched = 0;
        int read;
        while ((read = zip.read(buffer)) > 0) {
            inflated += read;
            if (inflated > MAX_ENTRY_BYTES) {
                throw bomb("part " + name + " inflates to more than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB");
            }
            long compressed = Math.max(1, counted.count - compressedBefore);
            if (inflated > 1024 * 1024 && inflated / compressed > MAX_RATIO) {
                throw bomb("part " + name + " is compressed more than " + MAX_RATIO + " to 1");
            }
            if (xml) {
                for (int i = 0; i < read; i++) {
                    byte b = (byte) Character.toUpperCase(buffer[i]);
                    matched = b == DOCTYPE[matched] ? matched + 1 : (b == DOCTYPE[0] ? 1 : 0);
                    if (matched == DOCTYPE.length) {
                        throw refuse(ProblemKind.BAD_REQUEST, "unsafe-workbook", "The workbook contains a DTD",
                                "Part " + name + " declares a DOCTYPE; workbooks with DTDs or external entities are refused");
                    }
                }
            }
        }
        return inflated;
    }

    private static boolean isXml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml");
    }

    private static DomainException bomb(String why) {
        return refuse(ProblemKind.BAD_REQUEST, "zip-bomb", "The workbook looks like a zip bomb",
                "The upload was refused because " + why);
    }

    private static DomainException refuse(ProblemKind kind, String type, String title, String detail) {
        return new DomainException(kind, type, title, detail);
    }

    /** Counts the compressed bytes the inflater has taken so far. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
