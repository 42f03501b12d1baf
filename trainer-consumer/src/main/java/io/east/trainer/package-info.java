/** The trainer consumer. Arrives with the trainer issue. */
package io.east.trainer;
