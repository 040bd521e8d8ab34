/**
 * Schedule files: a failing schedule's decisions and what identifies it, written with Kryo so that it replays
 * exactly, and read back so that nothing in a file can do more than fail to parse.
 */
package dev.interleave.schedulefile;
