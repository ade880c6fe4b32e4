// A statistics module used by two threads: declared here, defined in stats.cpp, started in
// main.cpp. Nothing of the race is in one file.
#pragma once

void record_visit(); // takes no lock: races with itself
void record_error(); // takes errors_lock (defined in stats.cpp): clean
void worker();
