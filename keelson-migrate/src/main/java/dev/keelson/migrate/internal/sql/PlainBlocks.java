package dev.keelson.migrate.internal.sql;

/** Every {@code ;} outside quotes and comments ends a statement, as in H2's own script runner. */
final class PlainBlocks implements BlockTracker {
    @Override
    public void word(String src, int start, int end, int parenDepth) {}

    @Override
    public void other(char c) {}

    @Override
    public boolean endsStatement(int parenDepth) {
        return true;
    }

    @Override
    public void reset() {}
}
