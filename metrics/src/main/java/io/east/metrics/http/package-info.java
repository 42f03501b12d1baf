/**
 * What every east process that answers HTTP on the JDK's server shares: {@link
 * io.east.metrics.http.LoopbackHostGuard} keeps a server on the loopback answering only to loopback names, and
 * {@link io.east.metrics.http.HttpResponses} writes a response the same way for GET and HEAD.
 */
package io.east.metrics.http;
