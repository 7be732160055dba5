package dev.keelson.load;

/** How requests are paced. */
public enum Model {
    /** A fixed number of connections, each sending its next request when the last answer arrived. */
    CLOSED,
    /** A fixed request rate whatever the server does; latency is measured from each request's slot. */
    OPEN
}
