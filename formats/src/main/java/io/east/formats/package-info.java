/** The file formats read from outside: GSM8K, MATH, qwen-eval and samples JSON lines, with FILE:LINE errors. */
package io.east.formats;
