package io.east.dashboard;

/**
 * One update pushed to the pages: its sequence number (a page that loaded the snapshot at sequence s ignores events
 * up to s) and its JSON, ready to be sent as a server-sent event.
 */
public record DashboardEvent(long seq, String json) {
}
