/** The reference service: the living template that {@code keelson new} derives projects from. */
package dev.keelson.reference;
