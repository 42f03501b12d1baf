/** The live dashboard. Arrives with the dashboard issue. */
package io.east.dashboard;
