/**
 * What every east process that answers HTTP on the JDK's server shares: {@link
 * io.east.metrics.http.LoopbackHostGuard} keeps a server on the loopback answering only to loopback names.
 */
package io.east.metrics.http;
