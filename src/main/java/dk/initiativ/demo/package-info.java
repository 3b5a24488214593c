/** Demo initiatives for the embedded run (the reference data's demo seeders live in their features). */
package dk.initiativ.demo;
