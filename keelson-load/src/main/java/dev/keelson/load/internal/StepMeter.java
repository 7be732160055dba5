package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.SingleWriterRecorder;

/** One scenario step's share of a {@link Meter}: its latencies, responses and errors, written by the same loop. */
final class StepMeter {
    final SingleWriterRecorder latency = new SingleWriterRecorder(Meter.HIGHEST_MICROS, 3);
    final AtomicLong responses = new AtomicLong();
    final AtomicLongArray errors = new AtomicLongArray(ErrorKind.values().length);
}
