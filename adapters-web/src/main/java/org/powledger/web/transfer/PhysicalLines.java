package org.powledger.web.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a byte stream, numbered from 1, read one at a time through a fixed buffer: a line
 * longer than the limit or not valid UTF-8 comes back as a problem (its bytes skipped, never held),
 * so that a file of any size is read in flat memory. Lines end with LF or CRLF; a UTF-8 byte order
 * mark at the start of the stream is dropped.
 */
final class PhysicalLines {

    /** One line: its text, or why it has none. */
    record Line(long number, String text, String problem) {

        boolean blank() {
            return text != null && text.isBlank();
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[CHUNK];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int limit;
    private boolean eof;
    private long number;
    private byte[] line = new byte[1024];
    private int length;

    PhysicalLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            if (!tooLong) {
                tooLong = !append(end - pos);
            }
            pos = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        number++;
        int start = number == 1 && startsWithByteOrderMark() ? 3 : 0;
        int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
        if (tooLong || end - start > maxBytes) {
            return new Line(number, null, "is longer than " + maxBytes + " bytes, the longest line an import reads");
        }
        try {
            return new Line(number, utf8.reset().decode(ByteBuffer.wrap(line, start, end - start)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "is not valid UTF-8");
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(chunk, 0, CHUNK);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int indexOfNewline() {
        for (int i = pos; i < limit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Adds bytes to the line; false (and nothing kept) once the line is over the limit. */
    private boolean append(int count) {
        // One byte of slack for the CR of a CRLF line end.
        if ((long) length + count > maxBytes + 1L) {
            line = new byte[1024];
            length = 0;
            return false;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(length + count, Math.min(line.length * 2, maxBytes + 1)));
        }
        System.arraycopy(chunk, pos, line, length, count);
        length += count;
        return true;
    }

    private boolean startsWithByteOrderMark() {
        return length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF;
    }
}
